namespace KhuyenCong.Contracts;

/// <summary>Who pays the state support: the ministry's national programme (KCQG) or the province (KCĐP).</summary>
public enum FundingSource
{
    National = 1,
    Local = 2,
}
