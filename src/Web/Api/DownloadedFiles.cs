namespace KhuyenCong.Web.Api;

public static class DownloadedFiles
{
    /// <summary>
    /// The answer of a download endpoint of the web app: the file, or the platform's refusal with its status (502 when
    /// the platform could not be reached).
    /// </summary>
    public static IResult ToDownload(this ApiResult<DownloadedFile> file) =>
        file.Value is { } downloaded
            ? TypedResults.File(downloaded.Content, downloaded.ContentType, downloaded.FileName)
            : TypedResults.Problem(statusCode: file.Problem!.IsUnreachable ? StatusCodes.Status502BadGateway : file.Problem.Status,
                title: file.Problem.Title, detail: file.Problem.Detail);
}
