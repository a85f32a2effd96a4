namespace Crm.Identity.Model;

/// <summary>What a new password must satisfy; the messages are shown next to the field.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;

    public static IReadOnlyList<string> Check(string? password)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(password))
        {
            problems.Add("Password is required.");
            return problems;
        }

        if (password.Length < MinLength)
        {
            problems.Add($"Password must be at least {MinLength} characters.");
        }

        if (password.Length > 128)
        {
            problems.Add("Password must be at most 128 characters.");
        }

        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            problems.Add("Password must contain both letters and numbers.");
        }

        return problems;
    }
}
