namespace KhuyenCong.Proposals.Domain;

public enum ProposalStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
}
