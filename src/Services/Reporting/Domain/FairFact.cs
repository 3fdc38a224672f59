namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// The reporting copy of one published trade fair. Every fairs event carries the fair's profile, which
/// cannot change once the fair is published, so any of them creates or refreshes the row. There is no
/// event for "marked held": outcomes are recorded only once a fair is held, so a fair counts as held
/// from its first outcome on. A cancellation (only possible before a fair is held) keeps it out of the
/// figures whatever order the events arrive in.
/// </summary>
public sealed class FairFact
{
    private FairFact() { }

    public Guid FairId { get; private set; }
    public string Name { get; private set; } = "";
    public int Kind { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    /// <summary>The year the fair starts in: its year in the reports.</summary>
    public int StartYear { get; private set; }
    public int BoothCount { get; private set; }
    public DateTimeOffset? ScheduledAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>The highest outcome revision seen (0 = no outcome recorded yet).</summary>
    public int OutcomeRevision { get; private set; }

    /// <summary>An outcome was recorded and the fair was not cancelled: the fairs report counts it.</summary>
    public bool Held { get; private set; }

    public static FairFact For(Guid fairId) => new() { FairId = fairId };

    public void Profile(FairDetails details)
    {
        Name = details.Name;
        Kind = details.Kind;
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        StartYear = details.StartDate.Year;
        BoothCount = details.BoothCount;
    }

    public void Scheduled(DateTimeOffset scheduledAt) => ScheduledAt = scheduledAt;

    public void OutcomeRecorded(int outcomeRevision)
    {
        OutcomeRevision = Math.Max(OutcomeRevision, outcomeRevision);
        Held = CancelledAt is null;
    }

    public void Cancelled(DateTimeOffset cancelledAt)
    {
        CancelledAt = cancelledAt;
        Held = false;
    }
}

public sealed record FairDetails(string Name, int Kind, DateOnly StartDate, DateOnly EndDate, int BoothCount);
