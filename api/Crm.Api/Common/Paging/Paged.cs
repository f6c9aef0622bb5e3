namespace Crm.Api.Common.Paging;

/// <summary>A page of a list. <see cref="Total"/> stops counting at <see cref="PageLimits.CountCap"/>; then
/// <see cref="TotalIsCapped"/> is true and clients show "10000+".</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool TotalIsCapped);

public static class PageLimits
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Counting a million rows on every page costs more than the page; nobody pages past ten thousand.</summary>
    public const int CountCap = 10_000;
}
