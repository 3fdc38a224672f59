namespace KhuyenCong.Proposals.Domain;

/// <summary>An establishment a proposal supports; the first one is the lead beneficiary.</summary>
public sealed record Beneficiary(int Position, Guid EstablishmentId, string TaxCode, string Name);
