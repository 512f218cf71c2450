namespace Duban.Web.Tests.EndToEnd;

/// <summary>
/// A test that drives Debian's Chromium. Skipped with a message on a machine without it; under CI=true it runs
/// and fails instead, because installing Chromium there is the CI script's job and a silent skip would hide its absence.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = $"{ChromiumPath} is absent: install it with `apt-get install -y chromium fonts-wqy-microhei` to run the browser test.";
    }
}
