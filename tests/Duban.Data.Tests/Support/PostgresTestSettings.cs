namespace Duban.Data.Tests.Support;

/// <summary>Whether and where the PostgreSQL tests run: DUBAN_TEST_POSTGRES, and CI=true, which forbids skipping them.</summary>
internal static class PostgresTestSettings
{
    public const string Variable = "DUBAN_TEST_POSTGRES";

    /// <summary>A connection string to a server where the tests may create and drop databases.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Null when the PostgreSQL tests must run. In CI they always run, so that a missing server fails them instead of
    /// letting them pass unseen.
    /// </summary>
    public static string? SkipReason =>
        ConnectionString is null && !InCi
            ? $"PostgreSQL tests skipped: set {Variable} to a connection string of a server where the tests may create " +
              "databases, or run them through .ci/with-postgres (docs/storage.md)."
            : null;

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set, and CI=true does not allow the PostgreSQL tests to be skipped: .ci/run should have " +
            "started a PostgreSQL server and set it.");
}
