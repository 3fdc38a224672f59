namespace KhuyenCong.Notifications.Domain;

/// <summary>
/// Something the Centre's officers, and for some kinds the establishment or district concerned, have to do about one
/// record of another service, kept from that service's events. One row per kind and record: the events that open it
/// fill in what they know, the first event that closes it closes it for good, so any order of arrival and any
/// redelivery ends in the same task (a closing event seen first leaves a closed row that a late opening event
/// only completes).
/// </summary>
public sealed class WorkTask
{
    private WorkTask() { }

    public Guid Id { get; private set; }
    public TaskKind Kind { get; private set; }

    /// <summary>The id of the record in its owning service (proposal, follow-up, course, certificate, fair).</summary>
    public Guid RecordId { get; private set; }

    /// <summary>The record's code or number, as people quote it.</summary>
    public string RecordCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly? DueOn { get; private set; }

    /// <summary>The task is listed from this day (a certificate's renewal from three months before its expiry); null: at once.</summary>
    public DateOnly? ShownFrom { get; private set; }

    /// <summary>The task is listed up to this day and then lapses (an invitation whose deadline has passed); null: until it is closed.</summary>
    public DateOnly? ShownUntil { get; private set; }

    /// <summary>
    /// For a task of one establishment about a record of many (a call, course or fair it may join, a year of a certificate's
    /// reports): that record, whose end closes every such task.
    /// </summary>
    public Guid? ParentRecordId { get; private set; }

    /// <summary>Where the web UI shows the record.</summary>
    public string Link { get; private set; } = "";

    /// <summary>Whether the establishments and district officers the record concerns see it too, besides the Centre's officers.</summary>
    public bool ForScopedUsers { get; private set; }

    /// <summary>Whether the Centre's officers see it: false for what only an establishment (and its district officer) has to do.</summary>
    public bool ForCentre { get; private set; } = true;
    public string? AdministrativeUnitCode { get; private set; }
    public List<string> EstablishmentTaxCodes { get; private set; } = [];

    /// <summary>The one user account whose task it is (a council member's score sheet); null for a task of a role and scope.</summary>
    public string? AssigneeUserId { get; private set; }

    /// <summary>For a task that follows its record's moves: the position of the latest move applied (an earlier one is stale).</summary>
    public int? Sequence { get; private set; }

    /// <summary>Whether an opening event has filled the task in (false for a row a closing event made first).</summary>
    public bool IsKnown { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }

    /// <summary>
    /// The row's version (PostgreSQL's xmin): two events about the same record consumed at once cannot both write the
    /// task from what they read; the later commit fails and its message is consumed again over the winner's state.
    /// </summary>
    public uint Version { get; private set; }

    public bool IsOpen => IsKnown && ClosedAt is null;

    public static WorkTask For(TaskKind kind, Guid recordId, DateTimeOffset at) =>
        new() { Id = Guid.NewGuid(), Kind = kind, RecordId = recordId, OpenedAt = at };

    /// <summary>Fills the task in from an opening event; a task already closed stays closed.</summary>
    public void Describe(TaskDetails details, DateTimeOffset at)
    {
        if (!IsKnown)
        {
            OpenedAt = at;
        }
        IsKnown = true;
        RecordCode = details.RecordCode;
        Title = details.Title;
        DueOn = details.DueOn;
        ShownFrom = details.ShownFrom;
        ShownUntil = details.ShownUntil;
        ParentRecordId = details.ParentRecordId;
        Link = details.Link;
        ForScopedUsers = details.ForScopedUsers;
        ForCentre = details.ForCentre;
        AdministrativeUnitCode = details.AdministrativeUnitCode;
        EstablishmentTaxCodes = [.. details.EstablishmentTaxCodes];
        AssigneeUserId = details.AssigneeUserId;
    }

    /// <summary>
    /// Follows a move of the record, the <paramref name="sequence"/>-th of its history: the step it calls for reopens and
    /// describes the task, no step (<paramref name="details"/> null) closes it. A move older than one applied changes nothing,
    /// so any order of arrival ends in the latest move's state.
    /// </summary>
    public void Follow(int sequence, TaskDetails? details, string movedBy, DateTimeOffset at)
    {
        if (Sequence >= sequence)
        {
            return;
        }
        Sequence = sequence;
        if (details is null)
        {
            ClosedAt = at;
            ClosedBy = movedBy;
            return;
        }
        Describe(details, at);
        ClosedAt = null;
        ClosedBy = null;
    }

    /// <summary>
    /// Moves an open task on to a later step of its record, the <paramref name="sequence"/>-th: a step not later than one applied
    /// changes nothing, and a closed task stays closed (a step that arrives after the record's end only fills it in).
    /// </summary>
    public void MoveOn(int sequence, TaskDetails details, DateTimeOffset at)
    {
        if (ClosedAt is not null)
        {
            if (!IsKnown)
            {
                Describe(details, at);
            }
            return;
        }
        if (Sequence >= sequence)
        {
            return;
        }
        Sequence = sequence;
        Describe(details, at);
    }

    /// <summary>Brings the deadline forward to <paramref name="dueOn"/> when that is earlier (or none was set), known or not yet.</summary>
    public void BringForward(DateOnly dueOn)
    {
        if (DueOn is null || dueOn < DueOn)
        {
            DueOn = dueOn;
        }
    }

    /// <summary>Closes the task; the first closing event is kept.</summary>
    public void Close(string closedBy, DateTimeOffset at)
    {
        if (ClosedAt is not null)
        {
            return;
        }
        ClosedAt = at;
        ClosedBy = closedBy;
    }
}

/// <summary>What an opening event tells about a task.</summary>
public sealed record TaskDetails(
    string RecordCode,
    string Title,
    DateOnly? DueOn,
    string Link,
    bool ForScopedUsers,
    string? AdministrativeUnitCode,
    IReadOnlyList<string> EstablishmentTaxCodes,
    DateOnly? ShownFrom = null,
    string? AssigneeUserId = null,
    bool ForCentre = true,
    DateOnly? ShownUntil = null,
    Guid? ParentRecordId = null);
