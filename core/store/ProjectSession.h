#pragma once

#include "ActorRepository.h"
#include "AdjudicationRepository.h"
#include "AnnotationRepository.h"
#include "ArticleRepository.h"
#include "ChangeSet.h"
#include "CodebookRepository.h"
#include "CoderRepository.h"
#include "Database.h"
#include "FeedRepository.h"
#include "LexiconRepository.h"
#include "MemoRepository.h"
#include "OffsetMapRepository.h"
#include "ProjectSettingsRepository.h"
#include "ServerLink.h"
#include "UnitOfWork.h"

#include <QObject>

#include <memory>

// An open project: its database, one repository per aggregate, and one
// change event per committed unit of work. Everything the app and the
// command line read or write goes through here; only core/store writes SQL.
//
// A user action that takes several steps opens a UnitOfWork on database()
// around them: the steps commit together or not at all, and changed() is
// emitted once, after the commit, with everything they touched.
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    using OpenMode = Database::OpenMode;

    // Opens a project, migrating an older one forward. Anything that is not
    // a Framewise project is refused without writing a byte to it.
    static std::unique_ptr<ProjectSession> open(const QString &path,
                                                OpenMode mode = OpenMode::OpenExisting);
    ~ProjectSession() override;

    QString path() const { return m_db->path(); }
    bool isReadOnly() const { return m_db->isReadOnly(); }
    int schemaVersion() const { return m_db->schemaVersion(); }
    Database &database() { return *m_db; }

    ArticleRepository &articles() { return *m_articles; }
    CodebookRepository &codebook() { return *m_codebook; }
    AnnotationRepository &annotations() { return *m_annotations; }
    ActorRepository &actors() { return *m_actors; }
    MemoRepository &memos() { return *m_memos; }
    FeedRepository &feeds() { return *m_feeds; }
    LexiconRepository &lexicon() { return *m_lexicon; }
    CoderRepository &coders() { return *m_coders; }
    OffsetMapRepository &offsetMaps() { return *m_offsetMaps; }
    ProjectSettingsRepository &settings() { return *m_settings; }
    AdjudicationRepository &adjudications() { return *m_adjudications; }
    const ArticleRepository &articles() const { return *m_articles; }
    const CodebookRepository &codebook() const { return *m_codebook; }
    const AnnotationRepository &annotations() const { return *m_annotations; }
    const ActorRepository &actors() const { return *m_actors; }
    const MemoRepository &memos() const { return *m_memos; }
    const FeedRepository &feeds() const { return *m_feeds; }
    const LexiconRepository &lexicon() const { return *m_lexicon; }
    const CoderRepository &coders() const { return *m_coders; }
    const OffsetMapRepository &offsetMaps() const { return *m_offsetMaps; }
    const ProjectSettingsRepository &settings() const { return *m_settings; }
    const AdjudicationRepository &adjudications() const { return *m_adjudications; }
    // A team project's watch over its server connection; null for a file.
    ServerLink *serverLink() { return m_serverLink.get(); }

    // Tells everything showing the project that these rows were changed by
    // another coder's commit (found when an edit here met it), so they are
    // read again as after an edit of this session: the "Reload" of a conflict.
    void announceOutsideChanges(const ChangeSet &changes) { Q_EMIT changed(changes); }

Q_SIGNALS:
    // After each committed unit of work that changed something, once.
    void changed(const ChangeSet &changes);

private:
    explicit ProjectSession(std::unique_ptr<Database> db);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<CoderRepository> m_coders;
    std::unique_ptr<OffsetMapRepository> m_offsetMaps;
    std::unique_ptr<AnnotationRepository> m_annotations;
    std::unique_ptr<MemoRepository> m_memos;
    std::unique_ptr<FeedRepository> m_feeds;
    std::unique_ptr<ArticleRepository> m_articles;
    std::unique_ptr<CodebookRepository> m_codebook;
    std::unique_ptr<ActorRepository> m_actors;
    std::unique_ptr<LexiconRepository> m_lexicon;
    std::unique_ptr<ProjectSettingsRepository> m_settings;
    std::unique_ptr<AdjudicationRepository> m_adjudications;
    std::unique_ptr<ServerLink> m_serverLink;
};
