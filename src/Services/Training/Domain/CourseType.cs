namespace KhuyenCong.Training.Domain;

public enum CourseType
{
    VocationalTraining = 1,
    CraftTeaching = 2,
    SkillUpgrading = 3,
    ManagementCourse = 4,
    StaffTraining = 5,
    Workshop = 6,
    StudyTour = 7,
}

public static class CourseTypeRules
{
    /// <summary>
    /// The content group (Decree 45, Art. 4) a course of this type belongs to when no proposal says
    /// otherwise: vocational courses are group 1, management courses, workshops and study tours group 2,
    /// training of khuyến công staff group 9 (capacity of the khuyến công system).
    /// </summary>
    public static int ContentGroup(this CourseType type) => type switch
    {
        CourseType.VocationalTraining or CourseType.CraftTeaching or CourseType.SkillUpgrading => 1,
        CourseType.ManagementCourse or CourseType.Workshop or CourseType.StudyTour => 2,
        CourseType.StaffTraining => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown course type."),
    };

    /// <summary>Workshops and study tours teach no curriculum and grant no certificate.</summary>
    public static bool GrantsCertificates(this CourseType type) => type is not (CourseType.Workshop or CourseType.StudyTour);
}
