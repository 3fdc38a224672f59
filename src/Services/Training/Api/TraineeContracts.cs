using KhuyenCong.Platform.Establishments;
using KhuyenCong.Training.Domain;

namespace KhuyenCong.Training.Api;

public sealed record RegisterTraineeRequest(
    string? FullName, int? BirthYear, Gender? Gender, string? EthnicGroup, string? Phone, string? EstablishmentTaxCode);

public sealed record EstablishmentResponse(Guid Id, string TaxCode, string Name, string District);

/// <summary>A trainee's personal data: for officers only.</summary>
public sealed record TraineeDetails(
    Guid Id,
    string FullName,
    int BirthYear,
    Gender Gender,
    string EthnicGroup,
    bool IsEthnicMinority,
    string? Phone,
    EstablishmentResponse? Establishment)
{
    public static TraineeDetails From(Trainee t, KnownEstablishment? establishment) => new(
        t.Id, t.FullName, t.BirthYear, t.Gender, t.EthnicGroup, t.IsEthnicMinority, t.Phone,
        establishment is null ? null : new EstablishmentResponse(establishment.EstablishmentId, establishment.TaxCode, establishment.Name, establishment.District));
}

