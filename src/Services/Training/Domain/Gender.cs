namespace KhuyenCong.Training.Domain;

public enum Gender
{
    Female = 1,
    Male = 2,
}
