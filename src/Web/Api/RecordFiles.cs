namespace KhuyenCong.Web.Api;

/// <summary>
/// Where one record's files are: its address under the gateway's <c>/api</c> (<c>training/courses/{id}</c>). The service
/// lists and takes them at <see cref="Api"/>; the browser reads one through this site at <see cref="Link"/>.
/// </summary>
public sealed record RecordFiles(string Path)
{
    public static RecordFiles OfProposal(Guid id) => new($"proposals/{id}");
    public static RecordFiles OfCourse(Guid id) => new($"training/courses/{id}");
    public static RecordFiles OfFair(Guid id) => new($"fairs/{id}");
    public static RecordFiles OfCompetition(Guid id) => new($"products/competitions/{id}");
    public static RecordFiles OfEntry(Guid competitionId, Guid entryId) => new($"products/competitions/{competitionId}/entries/{entryId}");

    /// <summary>The service's address of the record's files.</summary>
    public string Api => $"/api/{Path}/attachments";

    /// <summary>A name for the record's controls that no other record on the page shares.</summary>
    public string Key => Path.Replace('/', '-');

    /// <summary>The address of one file: shown in the browser when it can be, or saved when <paramref name="download"/>.</summary>
    public string Link(Guid attachmentId, bool download = false) => $"{AttachmentFiles.Path}/{Path}/{attachmentId}{(download ? "?download=true" : "")}";

    /// <summary>The address of a picture's small copy, made by the service, for lists; the full picture is <see cref="Link"/>.</summary>
    public string Thumbnail(Guid attachmentId) => $"{AttachmentFiles.Path}/{Path}/{attachmentId}/{AttachmentFiles.ThumbnailSegment}";
}
