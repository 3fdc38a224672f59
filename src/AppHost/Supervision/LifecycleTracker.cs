using Aspire.Hosting.ApplicationModel;

namespace KhuyenCong.AppHost.Supervision;

/// <summary>
/// Follows one resource's states as the orchestrator reports them and tells when it ended without having been
/// asked to: an exit (or a failed start) straight from running or starting is a crash; one that follows
/// "Stopping" was asked for (an operator's stop in the dashboard, or a restart under way) and is left alone.
/// The same state reported twice is one event.
/// </summary>
public sealed class LifecycleTracker
{
    private string? _state;
    private bool _stopRequested;

    /// <summary>The state last reported.</summary>
    public string? State => _state;

    /// <summary>Takes the next reported state; true when the resource has just ended unasked and should be started again.</summary>
    public bool EndedUnasked(string? state)
    {
        var previous = _state;
        _state = state;
        if (state == KnownResourceStates.Stopping)
        {
            _stopRequested = true;
        }
        else if (state == KnownResourceStates.Starting || state == KnownResourceStates.Running)
        {
            _stopRequested = false;
        }
        var ended = state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart;
        return ended && previous != state && !_stopRequested;
    }
}
