using Duban.Core.Notifications;

namespace Duban.Core.Tests.Notifications;

public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(3, 240)]
    [InlineData(4, 480)]
    [InlineData(5, 600)]
    [InlineData(6, 600)]
    public void The_delay_doubles_after_each_attempt_up_to_the_cap(int attempts, int seconds)
    {
        new RetrySchedule(7, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)).DelayAfter(attempts).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void After_the_last_attempt_there_is_no_next()
    {
        var schedule = new RetrySchedule(3, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

        schedule.DelayAfter(2).ShouldNotBeNull();
        schedule.DelayAfter(3).ShouldBeNull();
    }
}
