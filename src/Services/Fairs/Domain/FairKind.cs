namespace KhuyenCong.Fairs.Domain;

/// <summary>The kinds of trade-promotion fair (DOMAIN.md, content group 4).</summary>
public enum FairKind
{
    DomesticProgramme = 1,
    OtherDomestic = 2,
    Overseas = 3,
    Online = 4,
}

public static class FairKinds
{
    public static bool IsDomestic(this FairKind kind) => kind is FairKind.DomesticProgramme or FairKind.OtherDomestic;
}
