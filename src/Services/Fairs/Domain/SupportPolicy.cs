namespace KhuyenCong.Fairs.Domain;

/// <summary>
/// What the programme pays for a participant: a share of the booth rent of the booths allocated, plus
/// extra supported costs (travel, transport of goods...) per participating establishment. The share is at
/// most the cap of the <see cref="FairSupportNorm"/> in force on the fair's start date.
/// </summary>
public sealed record SupportPolicy(decimal RentSharePercent, long ExtraSupportPerParticipant, string ExtraCostsDescription)
{
    /// <summary>
    /// Booths allocated × booth rent × share covered, in whole VND rounded down, plus the extra supported
    /// costs; nothing for an establishment without a booth.
    /// </summary>
    public long SupportFor(int boothsAllocated, long boothRent)
    {
        if (boothsAllocated <= 0)
        {
            return 0;
        }
        var rent = (long)decimal.Floor(boothsAllocated * (decimal)boothRent * RentSharePercent / 100m);
        return checked(rent + ExtraSupportPerParticipant);
    }
}
