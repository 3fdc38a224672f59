namespace KhuyenCong.AppHost.Production;

/// <summary>
/// Where production secrets live, outside the repository: <c>$KC_SECRETS_DIR</c> when set, otherwise
/// <c>/etc/khuyencong/secrets</c> for root and <c>~/.config/khuyencong/secrets</c> for anyone else. The folder is
/// made readable by its owner only (0700) and every secret file in it likewise (0600), from its creation on.
/// </summary>
public static class SecretFiles
{
    public const string DirectoryVariable = "KC_SECRETS_DIR";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The secrets folder for a user (root or not) whose home is <paramref name="home"/>, unless <paramref name="configured"/> names one.</summary>
    public static string DefaultDirectory(string? configured, bool isRoot, string home) =>
        !string.IsNullOrWhiteSpace(configured) ? Path.GetFullPath(configured)
        : isRoot ? "/etc/khuyencong/secrets"
        : Path.Combine(home, ".config", "khuyencong", "secrets");

    /// <summary>The secrets folder of the user running the AppHost.</summary>
    public static string CurrentUserDirectory() => DefaultDirectory(
        Environment.GetEnvironmentVariable(DirectoryVariable),
        Environment.UserName == "root",
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Makes <paramref name="path"/> (and its parents) and leaves it to its owner alone.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, OwnerOnlyFolder);
        File.SetUnixFileMode(path, OwnerOnlyFolder);
    }

    /// <summary>Writes a secret that only its owner can read, never readable by others even for a moment.</summary>
    public static void Write(string path, string content)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, content);
            return;
        }
        using (var file = new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile }))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(content);
        }
        // A file that existed before keeps its mode on FileMode.Create: it is set again.
        File.SetUnixFileMode(path, OwnerOnlyFile);
    }
}
