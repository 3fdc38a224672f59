namespace KhuyenCong.Web.Ui;

/// <summary>The English words of the UI, keyed by the Vietnamese the pages are written in.</summary>
public static class English
{
    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>
    {
    };
}
