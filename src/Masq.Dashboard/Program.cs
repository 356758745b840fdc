using Masq.Dashboard.Hosting;

return await DashboardApp.RunAsync(args);
