namespace KhuyenCong.AppHost.Supervision;

/// <summary>How the AppHost keeps the platform's services running (the <c>Supervision</c> section).</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>False leaves a service that stopped as it is (as Aspire does by itself).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The waits before the first, second… restart; the last one repeats.</summary>
    public List<TimeSpan> RestartDelays { get; set; } = [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)];

    /// <summary>At most this many restarts of one service within <see cref="RestartWindow"/>; then it is left stopped for an operator.</summary>
    public int MaxRestarts { get; set; } = 10;

    public TimeSpan RestartWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a running service's liveness endpoint (<c>/alive</c>) is asked.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one answer may take.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Unanswered probes in a row after which a running service is taken as hung and restarted.</summary>
    public int FailedProbes { get; set; } = 3;

    /// <summary>How long a service that has started may take to answer its liveness endpoint a first time (it may be migrating its database).</summary>
    public TimeSpan StartupLimit { get; set; } = TimeSpan.FromMinutes(5);
}
