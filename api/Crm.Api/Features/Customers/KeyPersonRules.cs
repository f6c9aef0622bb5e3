using Crm.Api.Domain.Customers;
using FluentValidation;

namespace Crm.Api.Features.Customers;

/// <summary>A key person's fields as a client sends them. The soft facts are sensitive personal information.</summary>
public abstract record KeyPersonBody
{
    public string? Name { get; init; }
    public string? Title { get; init; }
    public KeyPersonLevel? Level { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public DateOnly? Birthday { get; init; }

    /// <summary>Anniversaries worth a greeting, free text (e.g. 结婚纪念日 05-20).</summary>
    public string? Anniversaries { get; init; }

    public string? Personality { get; init; }
    public string? Interests { get; init; }
    public string? Education { get; init; }
    public int? Age { get; init; }
    public string? Family { get; init; }
}

public sealed class KeyPersonFieldsValidator : AbstractValidator<KeyPersonBody>
{
    public KeyPersonFieldsValidator()
    {
        RuleFor(k => k.Name).NotEmpty().MaximumLength(100);
        RuleFor(k => k.Title).MaximumLength(100);
        RuleFor(k => k.Level).NotNull().IsInEnum();
        RuleFor(k => k.Phone).MaximumLength(40).Matches(@"^[0-9+\-() ]*$").WithMessage("电话号码只能包含数字、空格和 + - ( )。");
        RuleFor(k => k.Email).MaximumLength(200).EmailAddress();
        RuleFor(k => k.Birthday).GreaterThan(new DateOnly(1900, 1, 1));
        RuleFor(k => k.Anniversaries).MaximumLength(500);
        RuleFor(k => k.Personality).MaximumLength(500);
        RuleFor(k => k.Interests).MaximumLength(500);
        RuleFor(k => k.Education).MaximumLength(100);
        RuleFor(k => k.Age).InclusiveBetween(14, 120);
        RuleFor(k => k.Family).MaximumLength(500);
    }
}

internal static class KeyPersonMapping
{
    public static KeyPersonDetails ToDetails(this KeyPersonBody k) => new(
        k.Name!.Trim(), Blank(k.Title), k.Level!.Value, Blank(k.Phone), Blank(k.Email), k.Birthday, Blank(k.Anniversaries),
        Blank(k.Personality), Blank(k.Interests), Blank(k.Education), k.Age, Blank(k.Family));

    public static KeyPersonDto ToDto(this KeyPerson k) => new(k.Id, k.CustomerId, k.Name, k.Title, k.Level, k.Phone, k.Email, k.Birthday,
        k.Anniversaries, k.Personality, k.Interests, k.Education, k.Age, k.Family, k.Version);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
