using KhuyenCong.Contracts.Documents;

namespace KhuyenCong.Web.Api.Clients;

/// <summary>The files of any record (a proposal, a course, a fair, a competition, an entry), through the gateway.</summary>
public sealed class AttachmentsClient(GatewayClient gateway)
{
    /// <summary>The record's files the person reads, withdrawn ones included.</summary>
    public Task<ApiResult<List<Attachment>>> ListAsync(RecordFiles files, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<Attachment>>(files.Api, cancellationToken);

    /// <summary>Attaches a file as a paper of the given kind; the service tells its type by its content.</summary>
    public Task<ApiResult<Attachment>> AttachAsync(RecordFiles files, DocumentKind kind, UploadedFile file, CancellationToken cancellationToken = default)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
        form.Add(content, "file", file.Name);
        form.Add(new StringContent(kind.ToString()), "kind");
        return gateway.PostAsync<Attachment>(files.Api, form, cancellationToken);
    }

    public Task<ApiResult<Attachment>> WithdrawAsync(RecordFiles files, Guid attachmentId, WithdrawAttachmentRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Attachment>($"{files.Api}/{attachmentId}/withdraw", request, cancellationToken);

    public Task<ApiResult<DownloadedFile>> DownloadAsync(RecordFiles files, Guid attachmentId, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync($"{files.Api}/{attachmentId}", cancellationToken);

    /// <summary>A picture's small copy, made by the service when the picture was uploaded.</summary>
    public Task<ApiResult<DownloadedFile>> ThumbnailAsync(RecordFiles files, Guid attachmentId, CancellationToken cancellationToken = default) =>
        gateway.DownloadAsync($"{files.Api}/{attachmentId}/thumbnail", cancellationToken);
}
