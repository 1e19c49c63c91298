namespace Accrue.Portal.Analyzers.Knowledge
{
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

        /// <summary>The lambda or local function the operation is in, or null in the method body itself.</summary>
        public static IOperation? EnclosingFunction(this IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>The lambda or local function the operation is in, as a method, or null in the method body itself.</summary>
        public static IMethodSymbol? EnclosingFunctionSymbol(this IOperation operation) => operation.EnclosingFunction() switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            ILocalFunctionOperation localFunction => localFunction.Symbol,
            _ => null,
        };

        /// <summary>A loop around <paramref name="operation"/> also holds <paramref name="other"/>: the loop may bring the operation round again after it.</summary>
        public static bool IsInLoopAround(this IOperation operation, IOperation other)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is ILoopOperation loop && loop.Syntax.Span.Contains(other.Syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
