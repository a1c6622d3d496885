package dev.toolocr.server.tasks;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface TaskFileRepository extends JpaRepository<TaskFile, String> {

    List<TaskFile> findByTaskId(String taskId);

    @Transactional
    @Modifying
    @Query("delete from TaskFile f where f.taskId = :taskId")
    void deleteByTaskId(@Param("taskId") String taskId);
}
