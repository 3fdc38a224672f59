namespace KhuyenCong.Reporting.Domain;

/// <summary>
/// One registration for a fair: its booths and support, and the figures it reported after the fair.
/// Allocations are re-announced with a growing revision (an officer's override included): the highest
/// revision replaces the booths, support and district. An outcome is recorded only after allocation is
/// final and carries the final booths and support, so once an outcome is known it outranks any
/// allocation, whatever order they arrive in. Outcomes are corrected with a higher revision: the
/// highest revision's figures replace the earlier ones (never add to them).
/// </summary>
public sealed class FairParticipantFact
{
    private FairParticipantFact() { }

    public Guid RegistrationId { get; private set; }
    public Guid FairId { get; private set; }
    public string EstablishmentTaxCode { get; private set; } = "";
    public string EstablishmentName { get; private set; } = "";
    public string District { get; private set; } = "";
    /// <summary>The highest allocation revision seen (0 = known from an outcome only).</summary>
    public int AllocationRevision { get; private set; }
    public int BoothsAllocated { get; private set; }
    public long Support { get; private set; }
    /// <summary>The revision of the outcome the figures below come from (0 = none reported yet).</summary>
    public int OutcomeRevision { get; private set; }
    public int ContractsSigned { get; private set; }
    public long ContractValue { get; private set; }
    public long Sales { get; private set; }
    public int Visitors { get; private set; }

    public static FairParticipantFact For(Guid registrationId, Guid fairId) => new() { RegistrationId = registrationId, FairId = fairId };

    public void Allocated(int allocationRevision, FairParticipation participation)
    {
        if (allocationRevision <= AllocationRevision)
        {
            return;
        }
        AllocationRevision = allocationRevision;
        if (OutcomeRevision == 0)
        {
            Apply(participation);
        }
    }

    public void OutcomeRecorded(int outcomeRevision, FairParticipation participation, FairResults results)
    {
        if (outcomeRevision <= OutcomeRevision)
        {
            return;
        }
        OutcomeRevision = outcomeRevision;
        Apply(participation);
        (ContractsSigned, ContractValue, Sales, Visitors) = results;
    }

    private void Apply(FairParticipation p)
    {
        EstablishmentTaxCode = p.TaxCode;
        EstablishmentName = p.EstablishmentName;
        District = p.District;
        BoothsAllocated = p.BoothsAllocated;
        Support = p.Support;
    }
}

/// <summary>Who took part and with what: what an allocation and an outcome both say about a registration.</summary>
public sealed record FairParticipation(string TaxCode, string EstablishmentName, string District, int BoothsAllocated, long Support);

/// <summary>What a participant reported after the fair.</summary>
public sealed record FairResults(int ContractsSigned, long ContractValue, long Sales, int Visitors);
