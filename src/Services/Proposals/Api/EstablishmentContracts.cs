using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Proposals.Domain;

namespace KhuyenCong.Proposals.Api;

/// <param name="RegisteredOn">The day the establishment entered the registry; today when omitted. Historic records give their own day, and the unit must exist on it.</param>
public sealed record EstablishmentRequest(
    string? TaxCode,
    string? Name,
    EstablishmentType? Type,
    Sector? Sector,
    string? AdministrativeUnitCode,
    string? Address,
    string? Representative,
    string? Phone,
    string? Email,
    int? Employees,
    DateOnly? RegisteredOn);

public sealed record EstablishmentResponse(
    Guid Id, string TaxCode, string Name, EstablishmentType Type, Sector Sector, string AdministrativeUnitCode, string District,
    bool IsPriorityArea, string Address, string Representative, string? Phone, string? Email, int Employees,
    DateOnly RegisteredOn, int Revision, DateTimeOffset UpdatedAt)
{
    public static EstablishmentResponse From(Establishment e) => new(
        e.Id, e.TaxCode, e.Name, e.Type, e.Sector, e.AdministrativeUnitCode, e.District, e.IsPriorityArea, e.Address,
        e.Representative, e.Phone, e.Email, e.Employees, e.RegisteredOn, e.Revision, e.UpdatedAt);
}


public enum EstablishmentSort
{
    Name,
    TaxCode,
    RegisteredOn,
    Employees,
}
