using Microsoft.AspNetCore.Mvc;

namespace Crm.Api.Common.Errors;

/// <summary>Turns results into HTTP responses with the statuses of ARCHITECTURE.md.</summary>
public static class ProblemResults
{
    public static IResult ToProblem(this Error error, HttpContext? http = null)
    {
        var status = StatusFor(error.Kind);
        if (error.RetryAfter is { } retry && http is not null)
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString();

        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.FieldErrors is { Count: > 0 } fields)
            return TypedResults.ValidationProblem(fields.ToDictionary(), detail: error.Detail, title: TitleFor(status), extensions: extensions);
        return TypedResults.Problem(error.Detail, statusCode: status, title: TitleFor(status), extensions: extensions);
    }

    public static IResult Match<T>(this Result<T> result, Func<T, IResult> onSuccess, HttpContext http) =>
        result.IsSuccess ? onSuccess(result.Value!) : result.Error!.ToProblem(http);

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string TitleFor(int status) => status switch
    {
        400 => "请求无效 (Bad Request)",
        401 => "未登录或令牌无效 (Unauthorized)",
        403 => "无权执行此操作 (Forbidden)",
        404 => "资源不存在 (Not Found)",
        405 => "不支持的请求方法 (Method Not Allowed)",
        409 => "状态冲突 (Conflict)",
        412 => "记录已被修改 (Precondition Failed)",
        415 => "不支持的内容类型 (Unsupported Media Type)",
        422 => "无法处理的请求 (Unprocessable Content)",
        428 => "缺少 If-Match (Precondition Required)",
        429 => "请求过于频繁 (Too Many Requests)",
        503 => "服务暂时不可用 (Service Unavailable)",
        _ => "服务器内部错误 (Internal Server Error)",
    };
}
