using FluentValidation;

namespace Crm.Api.Common.Paging;

/// <summary>A query that asks for one page of a list.</summary>
public interface IPageRequest
{
    int Page { get; }
    int PageSize { get; }
}

/// <summary>The paging rules every list shares; capped lists also stop at <see cref="PageLimits.CountCap"/> rows.</summary>
public sealed class PageRequestRules<T> : AbstractValidator<T> where T : IPageRequest
{
    public PageRequestRules(bool capped)
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PageLimits.MaxPageSize);
        if (capped)
            RuleFor(q => q.Page)
                .Must((q, _) => (long)q.Page * q.PageSize <= PageLimits.CountCap)
                .WithMessage($"只能翻到前 {PageLimits.CountCap} 条记录，请用筛选条件缩小范围。");
    }
}
