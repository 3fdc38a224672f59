using System.Diagnostics.CodeAnalysis;

namespace KhuyenCong.Contracts.Establishments;

/// <summary>
/// The whole current state of an establishment in the registry, so that a service keeps its local copy
/// from one message. <see cref="Revision"/> grows with every change: a copy ignores a revision older than
/// the one it holds, whatever order messages arrive in.
/// </summary>
public abstract record EstablishmentSnapshot
{
    public required Guid EstablishmentId { get; init; }
    public required int Revision { get; init; }
    /// <summary>Tax / business-registration code (mã số thuế / số ĐKKD), the establishment's identity.</summary>
    public required string TaxCode { get; init; }
    public required string Name { get; init; }
    public required EstablishmentType Type { get; init; }
    public required Sector Sector { get; init; }
    public required string AdministrativeUnitCode { get; init; }
    public required string AdministrativeUnitName { get; init; }
    /// <summary>The district-level unit for reports: the unit itself before July 2025, the former district of a new commune.</summary>
    public required string District { get; init; }
    public required bool IsPriorityArea { get; init; }
    public required string Address { get; init; }
    public required string Representative { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public required int Employees { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public string? ActedBy { get; init; }
}

/// <summary>An establishment was entered in the registry.</summary>
public sealed record EstablishmentRegistered : EstablishmentSnapshot
{
    public EstablishmentRegistered() { }

    [SetsRequiredMembers]
    public EstablishmentRegistered(EstablishmentSnapshot state) : base(state) { }
}

/// <summary>An establishment's details changed; the message carries all of them.</summary>
public sealed record EstablishmentUpdated : EstablishmentSnapshot
{
    public EstablishmentUpdated() { }

    [SetsRequiredMembers]
    public EstablishmentUpdated(EstablishmentSnapshot state) : base(state) { }
}
