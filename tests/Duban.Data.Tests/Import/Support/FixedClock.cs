namespace Duban.Data.Tests.Import.Support;

/// <summary>A clock that always says the same time, so that audit entries can be checked for it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static DateTimeOffset Default { get; } = new(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(8));

    public DateTimeOffset Now { get; set; } = now;

    public FixedClock() : this(Default)
    {
    }

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
