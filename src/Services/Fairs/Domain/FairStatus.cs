namespace KhuyenCong.Fairs.Domain;

/// <summary>The lifecycle of a fair; <see cref="FairLifecycle"/> holds the legal moves.</summary>
public enum FairStatus
{
    Draft = 1,
    OpenForRegistration = 2,
    RegistrationClosed = 3,
    Allocated = 4,
    Held = 5,
    Closed = 6,
    Cancelled = 7,
}

/// <summary>The state machine of a fair.</summary>
public static class FairLifecycle
{
    private static readonly Dictionary<FairStatus, FairStatus[]> Moves = new()
    {
        [FairStatus.Draft] = [FairStatus.OpenForRegistration, FairStatus.Cancelled],
        [FairStatus.OpenForRegistration] = [FairStatus.RegistrationClosed, FairStatus.Cancelled],
        [FairStatus.RegistrationClosed] = [FairStatus.Allocated, FairStatus.Cancelled],
        [FairStatus.Allocated] = [FairStatus.Held, FairStatus.Cancelled],
        [FairStatus.Held] = [FairStatus.Closed],
        [FairStatus.Closed] = [],
        [FairStatus.Cancelled] = [],
    };

    public static bool CanMove(FairStatus from, FairStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<FairStatus> NextFrom(FairStatus from) => Moves[from];
}
