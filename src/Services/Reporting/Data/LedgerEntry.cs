namespace KhuyenCong.Reporting.Data;

/// <summary>
/// One consumed integration event, kept for good (append-only): the read models can be rebuilt by
/// replaying the ledger in the order it was received.
/// </summary>
public sealed class LedgerEntry
{
    private LedgerEntry() { }

    /// <summary>Receipt order.</summary>
    public long Position { get; private set; }
    public Guid MessageId { get; private set; }
    /// <summary>The event's short type name, e.g. "ProposalApproved".</summary>
    public string MessageType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
}
