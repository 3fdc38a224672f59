using Aspire.Hosting.ApplicationModel;
using KhuyenCong.AppHost.Supervision;
using Xunit;

namespace KhuyenCong.Deploy.Tests;

/// <summary>When the AppHost's supervisor starts a service again, and when it leaves it stopped.</summary>
public sealed class LifecycleTrackerTests
{
    private static bool[] Follow(params string[] states)
    {
        var tracker = new LifecycleTracker();
        return [.. states.Select(tracker.EndedUnasked)];
    }

    [Fact]
    public void A_running_service_that_exits_or_finishes_is_started_again()
    {
        Assert.Equal([false, false, true], Follow(KnownResourceStates.Starting, KnownResourceStates.Running, KnownResourceStates.Exited));
        Assert.Equal([false, true], Follow(KnownResourceStates.Running, KnownResourceStates.Finished));
    }

    [Fact]
    public void A_start_that_fails_is_tried_again()
    {
        Assert.Equal([false, true], Follow(KnownResourceStates.Starting, KnownResourceStates.FailedToStart));
    }

    [Fact]
    public void A_service_stopped_by_an_operator_stays_stopped_whatever_state_follows()
    {
        Assert.Equal([false, false, false], Follow(KnownResourceStates.Running, KnownResourceStates.Stopping, KnownResourceStates.Exited));
        Assert.Equal([false, false, false, false], Follow(KnownResourceStates.Running, KnownResourceStates.Stopping, "Unknown", KnownResourceStates.Finished));
    }

    [Fact]
    public void The_same_exit_reported_twice_starts_it_once()
    {
        Assert.Equal([false, true, false], Follow(KnownResourceStates.Running, KnownResourceStates.Exited, KnownResourceStates.Exited));
    }

    [Fact]
    public void Once_started_again_after_a_stop_a_later_crash_is_started_again()
    {
        Assert.Equal([false, false, false, false, false, true], Follow(
            KnownResourceStates.Running, KnownResourceStates.Stopping, KnownResourceStates.Exited,
            KnownResourceStates.Starting, KnownResourceStates.Running, KnownResourceStates.Exited));
    }
}
