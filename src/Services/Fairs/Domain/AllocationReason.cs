namespace KhuyenCong.Fairs.Domain;

/// <summary>
/// Why the allocation rule gave a registration its booths, as a code and the facts it rests on, so that each reader
/// gets the sentence in their language (Api/AllocationTexts). <see cref="Code"/> is one of the constants below;
/// <see cref="Text"/> keeps a sentence recorded before reasons were kept this way that could not be read back.
/// </summary>
/// <param name="Booths">The booths the rule gave (0 when wait-listed).</param>
/// <param name="BoothsWanted">The booths the registration asked for.</param>
/// <param name="BoothCount">The booths the fair had.</param>
/// <param name="Rank">The priority: 1 holds a valid certificate, 2 is in a priority area, 3 the rest.</param>
/// <param name="CertificateLevel">The level of the certificate that gave priority 1.</param>
/// <param name="PriorityArea">The priority area (its district) the establishment is in, if any.</param>
/// <param name="RegisteredAt">When the registration counts as made, in the province, as yyyy-MM-dd HH:mm.</param>
/// <param name="Tied">Another registration of the same priority has the same time: the tax code ordered them.</param>
/// <param name="Position">The place in the allocation order.</param>
public sealed record AllocationReason(
    string Code, int Booths, int BoothsWanted, int BoothCount, int Rank, CertificateLevel? CertificateLevel, string? CertificateNumber,
    string? PriorityArea, string RegisteredAt, bool Tied, int Position, string? Text = null)
{
    public const string Allocated = "allocated";
    public const string PartlyAllocated = "partly-allocated";
    public const string WaitListed = "wait-listed";
    /// <summary>A sentence kept as it was written.</summary>
    public const string Recorded = "text";
}
