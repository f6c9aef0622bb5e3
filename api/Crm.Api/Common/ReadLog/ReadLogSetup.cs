namespace Crm.Api.Common.ReadLog;

public static class ReadLogSetup
{
    public static IServiceCollection AddCrmReadLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReadLogOptions>().Bind(configuration.GetSection(ReadLogOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<ReadLogWriter>();
        services.AddHostedService<ReadLogAppender>();
        services.AddScoped<ReadLogRecorder>();
        return services;
    }
}
