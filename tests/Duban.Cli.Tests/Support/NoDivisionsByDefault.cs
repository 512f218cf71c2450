using System.Runtime.CompilerServices;

namespace Duban.Cli.Tests.Support;

/// <summary>
/// The command line loads the national regions when it opens a database unless told otherwise. Most tests import
/// made-up plans (某某市) into a database of their own and count what they stored, so this test process (and every duban
/// process it starts, which inherits the variable) loads none by default; the tests about the national tree pass
/// <c>--divisions</c>.
/// </summary>
internal static class NoDivisionsByDefault
{
    [ModuleInitializer]
    internal static void Set() => Environment.SetEnvironmentVariable("Divisions__Root", "none");
}
