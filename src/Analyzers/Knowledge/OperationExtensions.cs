namespace Accrue.Portal.Analyzers.Knowledge
{
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Operations;

    internal static class OperationExtensions
    {
        /// <summary>The operand under implicit conversions (boxing to object, string to object, ...).</summary>
        public static IOperation WalkDownImplicitConversions(this IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>What <c>?.</c> or <c>?[]</c> tests for null: <c>a</c> in <c>a?.B</c>, the object the placeholder stands for.</summary>
        public static IOperation? ConditionalAccessReceiver(this IConditionalAccessInstanceOperation instance)
        {
            for (var current = instance.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation access)
                {
                    return access.Operation;
                }
            }

            return null;
        }

        public static bool TryGetConstantString(this IOperation operation, out string value)
        {
            if (operation.ConstantValue is { HasValue: true, Value: string text })
            {
                value = text;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
