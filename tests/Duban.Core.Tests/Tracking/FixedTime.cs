using System.Globalization;

namespace Duban.Core.Tests.Tracking;

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime At(string iso) =>
        new(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
