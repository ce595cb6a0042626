#pragma once

#include "domain/Article.h"
#include "domain/ArticleSource.h"

// An article extracted from a web page, with the page it came from.
struct WebArticle
{
    Article article;
    ArticleSource source;
};
