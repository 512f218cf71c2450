namespace Duban.Cli;

/// <summary>The process exit codes; scripts branch on these, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>Every input parsed, none with warnings.</summary>
    public const int Success = 0;

    /// <summary>Every input parsed, at least one with warnings.</summary>
    public const int Warnings = 1;

    /// <summary>At least one input could not be read or parsed, or the arguments were wrong.</summary>
    public const int InputError = 2;
}
