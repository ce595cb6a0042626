#include "commands/CategoryRemoval.h"

#include "store/CodebookRepository.h"
#include "store/ConcurrentEditError.h"

Category CategoryRemoval::asItIsNow(CodebookRepository &codebook, const Category &known)
{
    const auto now = codebook.category(known.id);
    if (!now)
        throw ConcurrentEditError::category(known, std::nullopt);
    Category removed = *now;
    codebook.removeCategory(removed);
    ++removed.version;
    return removed;
}
