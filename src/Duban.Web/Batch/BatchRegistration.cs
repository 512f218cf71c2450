namespace Duban.Web.Batch;

public static class BatchRegistration
{
    public static void AddBatch(IServiceCollection services)
    {
        services.AddScoped<ReportBatchReview>();
        services.AddScoped<OrderBatchClose>();
    }
}
