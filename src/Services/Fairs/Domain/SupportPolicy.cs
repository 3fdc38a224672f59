namespace KhuyenCong.Fairs.Domain;

/// <summary>
/// What the programme pays for a participant: a share of the booth rent of the booths allocated, plus
/// extra supported costs (travel, transport of goods...) per participating establishment.
/// </summary>
public sealed record SupportPolicy(decimal RentSharePercent, long ExtraSupportPerParticipant, string ExtraCostsDescription)
{
    /// <summary>
    /// The shares of booth rent of Circular 26/2014 (DOMAIN.md): programme fairs 100 %, other domestic
    /// fairs 80 %, overseas fairs 100 %. Online fairs are not named there; they default to 100 % like the
    /// programme's own fairs, and the officer can set another share.
    /// </summary>
    public static SupportPolicy DefaultFor(FairKind kind) => new(kind == FairKind.OtherDomestic ? 80m : 100m, 0, "");

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
