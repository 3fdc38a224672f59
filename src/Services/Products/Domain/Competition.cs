namespace KhuyenCong.Products.Domain;

/// <summary>A typical rural industrial product competition (bình chọn) at one level and year.</summary>
public sealed class Competition
{
    private Competition() { }

    public Guid Id { get; private set; }
    public string Level { get; private set; } = "";
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
}
