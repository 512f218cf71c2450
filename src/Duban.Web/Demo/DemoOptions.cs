namespace Duban.Web.Demo;

/// <summary>Demo mode ("Demo" section): demo users with a published password, a sample region tree, a banner on every page.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Off unless set; appsettings.Development.json turns it on, so `dotnet run` starts a demo.</summary>
    public bool Enabled { get; set; }

    /// <summary>Whether demo mode also imports the sample plans of samples/ (on by default; tests that need a demo
    /// without plans turn it off).</summary>
    public bool SamplePlans { get; set; } = true;

    /// <summary>Whether demo mode also writes a month of sample reports, reviews and values on the sample plans (on by
    /// default; the test host turns it off, and the tests about it on).</summary>
    public bool SampleActivity { get; set; } = true;
}

/// <summary>The demo accounts. The password is public on purpose: it exists only in demo mode and is printed at start.</summary>
public static class DemoAccounts
{
    public const string Password = "duban-demo";
    public const string Admin = "admin";
    public const string Reporter = "reporter";
    public const string Inspector = "inspector";
}
