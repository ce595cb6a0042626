#pragma once

#include "domain/Actor.h"
#include "domain/Annotation.h"
#include "domain/Article.h"
#include "domain/Category.h"
#include "domain/Code.h"
#include "domain/Coder.h"
#include "domain/Memo.h"

#include <QObject>
#include <QSqlDatabase>

#include <memory>
#include <optional>

// The project file: one SQLite database. This is the only code that talks
// SQL to it. Every change is one transaction, committed before the method
// returns and before any signal tells the UI it happened. Failures throw
// ProjectError and leave the file as it was.
class ProjectStore : public QObject
{
    Q_OBJECT

public:
    enum class OpenMode { OpenExisting, CreateIfMissing };

    struct AddResult
    {
        enum class Status { Added, Duplicate };
        Status status = Status::Added;
        qint64 id = 0; // the new article, or the one already stored
    };

    struct SearchHit
    {
        qint64 articleId = 0;
        QString title;
        QString snippet; // matches between U+0002 and U+0003
    };

    // Opens a project, migrating an older one forward. Anything that is not
    // a Framewise project is refused without writing a byte to it.
    static std::unique_ptr<ProjectStore> open(const QString &path,
                                              OpenMode mode = OpenMode::OpenExisting);
    ~ProjectStore() override;

    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion() const;

    // Articles
    AddResult addArticle(const Article &article);
    QList<AddResult> addArticles(const QList<Article> &articles);
    QList<ArticleSummary> articleSummaries() const;
    std::optional<Article> article(qint64 id) const;
    int articleCount() const;
    QList<SearchHit> search(const QString &query, int limit = 100) const;
    static QString contentHash(const QString &text);

    // Codebook
    QList<Category> categories() const;
    qint64 addCategory(const Category &category);
    std::optional<Category> categoryByName(const QString &name) const;
    QList<Code> codes() const;
    std::optional<Code> code(qint64 id) const;
    std::optional<Code> codeByName(const QString &name) const;
    qint64 addCode(const Code &code);
    // The code with that name, created in the Custom category if missing.
    Code ensureCode(const QString &name);

    // Coders
    QList<Coder> coders() const;
    QString currentCoder() const { return m_currentCoder; }
    void setCurrentCoder(const QString &name);
    qint64 coderId(const QString &name); // created if missing

    // Annotations
    Annotation addAnnotation(const NewAnnotation &annotation);
    // Many annotations in one transaction (bulk loads, imports of codings);
    // all or none are stored. Returns the new ids in the given order.
    QList<qint64> addAnnotations(const QList<NewAnnotation> &annotations);
    // Puts back an annotation exactly as it was (same id), for undo/redo.
    void restoreAnnotation(const Annotation &annotation);
    void removeAnnotation(qint64 id);
    std::optional<Annotation> annotation(qint64 id) const;
    QList<Annotation> annotationsForArticle(qint64 articleId) const;
    // Every annotation carrying the code, across the corpus, in article order.
    QList<Annotation> annotationsForCode(qint64 codeId) const;
    QList<Annotation> allAnnotations() const;
    int annotationCount() const;

    // Actors and memos
    qint64 addActor(const Actor &actor);
    QList<Actor> actors() const;
    qint64 addMemo(const Memo &memo);
    QList<Memo> memos() const;

Q_SIGNALS:
    void articlesChanged();
    void codebookChanged();
    void annotationsChanged(qint64 articleId);

private:
    ProjectStore(const QString &path, bool readOnly);
    void connect(bool create);
    void migrate(int from);
    void verifySchema() const;
    void checkpoint();
    void requireWritable() const;
    AddResult insertArticle(const Article &article, const QDateTime &now);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_readOnly = false;
    QString m_currentCoder;
};
