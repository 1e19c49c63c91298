namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>PORTAL009 on the subscription_pause and subscription_update features.</summary>
    public sealed partial class WeakCancellationConfigurationAnalyzer
    {
        private static void CheckPause(PortalRequest request, Reporter report)
        {
            var enabled = ConstantBool(request.LookupWritten(PortalApiRules.SubscriptionPauseEnabledPath));
            var type = request.Lookup(PortalApiRules.SubscriptionPauseDurationTypePath);
            if (type.ConstantString is { } durationType)
            {
                var options = request.Lookup(PortalApiRules.SubscriptionPauseIntervalOptionsPath);
                var offersNone = options.IsAbsent || options.List is { IsOpaque: false, Items.Count: 0 };
                if (PortalConfigurationPolicy.PauseIntervalOptions(enabled, durationType, offersNone) is { } missing)
                {
                    report.Report(type.Value!.Syntax.GetLocation(), missing);
                }
            }

            if (request.LookupWritten(PortalApiRules.SubscriptionPauseIntervalOptionsPath).List is not { } written)
            {
                return;
            }

            foreach (var option in written.Items)
            {
                if (option is not null
                    && option.Fields.TryGetValue(PortalApiRules.PauseIntervalCountField, out var count)
                    && ConstantCount(count.Value) is { } intervalCount
                    && option.Fields.TryGetValue(PortalApiRules.PauseIntervalField, out var interval)
                    && interval.Value.ConstantValue is { HasValue: true, Value: string unit }
                    && PortalConfigurationPolicy.PauseDuration(enabled, unit, intervalCount) is { } tooLong)
                {
                    report.Report(count.Value.Syntax.GetLocation(), tooLong);
                }
            }
        }

        /// <summary>
        /// An update that turns the feature on without writing default_allowed_updates keeps the configuration's list,
        /// which source does not show: only a create, sent in sight, is provably missing it.
        /// </summary>
        private static void CheckSubscriptionUpdate(PortalRequest request, bool isCreate, Reporter report)
        {
            // A list can be filled after it is written (Add, a helper): only what the engine saw in full counts.
            var products = request.Lookup(PortalApiRules.SubscriptionUpdateProductsPath);
            if (products.List is { } list && PortalConfigurationPolicy.Products(list.Items.Count) is { } tooMany)
            {
                report.Report(products.Value!.Syntax.GetLocation(), tooMany);
            }

            var enabled = request.LookupWritten(PortalApiRules.SubscriptionUpdateEnabledPath);
            if (PortalConfigurationPolicy.AllowedUpdates(ConstantBool(enabled), allowedUpdateCount: 0) is not { } allowsNothing)
            {
                return;
            }

            var allowed = request.Lookup(PortalApiRules.SubscriptionUpdateDefaultAllowedUpdatesPath);
            if (allowed.IsAbsent && isCreate && !request.IsUnsent)
            {
                report.Report(enabled.Value!.Syntax.GetLocation(), allowsNothing);
            }
            else if (allowed.IsPresent && IsEmptyList(allowed.Value!))
            {
                report.Report(allowed.Value!.Syntax.GetLocation(), allowsNothing);
            }
        }

        private static bool? ConstantBool(FieldLookup lookup) =>
            lookup.Value?.ConstantValue is { HasValue: true, Value: bool value } ? value : null;

        private static long? ConstantCount(IOperation value) => value.ConstantValue switch
        {
            { HasValue: true, Value: int count } => count,
            { HasValue: true, Value: long count } => count,
            _ => null,
        };

        /// <summary><c>new List&lt;string&gt;()</c>, <c>new() { }</c> or <c>[]</c>: a list written with nothing in it.</summary>
        private static bool IsEmptyList(IOperation value) => value switch
        {
            IObjectCreationOperation { Arguments.Length: 0 } creation => creation.Initializer is null || creation.Initializer.Initializers.IsEmpty,
            ICollectionExpressionOperation collection => collection.Elements.IsEmpty,
            _ => false,
        };
    }
}
