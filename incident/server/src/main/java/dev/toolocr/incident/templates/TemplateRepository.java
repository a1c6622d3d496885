package dev.toolocr.incident.templates;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TemplateRepository extends JpaRepository<Template, String> {

    List<Template> findAllByOrderByNameAsc();
}
