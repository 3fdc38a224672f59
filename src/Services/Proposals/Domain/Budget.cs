namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// A proposal's budget in whole VND: state support from the khuyến công programme, the
/// establishment's own capital (vốn đối ứng) and other sources. The total is their sum.
/// </summary>
public sealed record Budget(long StateSupport, long OwnCapital, long OtherSources)
{
    public long Total => checked(StateSupport + OwnCapital + OtherSources);
}
