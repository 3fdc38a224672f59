using KhuyenCong.Contracts;
namespace KhuyenCong.Proposals.Domain;

/// <summary>
/// What the authors of a proposal write and may revise while it is a draft or returned for revision.
/// The location is an administrative unit (with its district for reports) and a free-text place;
/// whether that unit is a priority area in the plan year comes from the reference data, never from the
/// authors. <see cref="Units"/> counts what the norm's cap is per (facilities, models, fairs...).
/// </summary>
public sealed record ProposalDetails(
    string Title,
    int ContentGroup,
    SupportActivity? Activity,
    string ImplementingUnit,
    IReadOnlyList<Beneficiary> Beneficiaries,
    string AdministrativeUnitCode,
    string District,
    string Location,
    string Objectives,
    Budget Budget,
    int ExpectedJobs,
    long ExpectedAverageWage,
    bool DerivedPriorityArea,
    PilotPeriod? Pilot,
    Contracts.Sector Sector,
    int Units,
    IReadOnlyList<EstimateLine> Estimate);
